/** REST controllers, problem-detail mapping and request security. Nothing depends on this module. */
@NullMarked
package com.engagementconductor.api;

import org.jspecify.annotations.NullMarked;
