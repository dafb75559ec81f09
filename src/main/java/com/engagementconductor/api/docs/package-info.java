/** The OpenAPI description of the REST API (contracts §1, §4, §5), served by springdoc on the roles that serve it. */
@NullMarked
package com.engagementconductor.api.docs;

import org.jspecify.annotations.NullMarked;
