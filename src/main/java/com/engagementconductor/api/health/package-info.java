/**
 * The health of each part of the product as Spring Boot health indicators, and the contract's health endpoints
 * (contracts §4.17) built on them.
 */
@NullMarked
package com.engagementconductor.api.health;

import org.jspecify.annotations.NullMarked;
