/** Spring MVC plumbing: authentication, problem details, body limits, CORS. */
@NullMarked
package com.engagementconductor.api.web;

import org.jspecify.annotations.NullMarked;
