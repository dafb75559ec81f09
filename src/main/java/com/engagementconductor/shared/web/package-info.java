/** Web rules shared by the REST API, the dashboard and the Socket.IO gateway: allowed origins, client addresses. */
@NullMarked
package com.engagementconductor.shared.web;

import org.jspecify.annotations.NullMarked;
