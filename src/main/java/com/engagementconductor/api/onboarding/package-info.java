/** The dashboard's onboarding tour (contracts §4.18, behaviour R9.3): its texts and who has completed it. */
@NullMarked
package com.engagementconductor.api.onboarding;

import org.jspecify.annotations.NullMarked;
