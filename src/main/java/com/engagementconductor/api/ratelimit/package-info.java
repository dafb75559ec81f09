/** REST rate limiting (contracts §6): token buckets per key and class, local or shared through Redis. */
@NullMarked
package com.engagementconductor.api.ratelimit;

import org.jspecify.annotations.NullMarked;
