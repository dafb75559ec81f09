/** HS256 token verification and the caller it yields. */
@NullMarked
package com.engagementconductor.shared.auth;

import org.jspecify.annotations.NullMarked;
