/**
 * A Socket.IO v5 / Engine.IO v4 server on Netty (text packets, XHR long-polling and websocket transports).
 *
 * <p>Plain Java, Netty and Jackson only: the product wires it. Every connection's state lives on one Netty event loop;
 * the public API may be called from any thread.
 */
@NullMarked
package com.engagementconductor.realtime.socketio;

import org.jspecify.annotations.NullMarked;
