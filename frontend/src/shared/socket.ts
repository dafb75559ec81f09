import { io, type Socket } from "socket.io-client";
import type { PageConfig } from "./types";

/** A Socket.IO client for namespace `/events`, authenticated in the handshake (contracts §3.3, §7.1). */
export function connectSocket(config: PageConfig, token: string): Socket {
  return io(config.socketUrl.replace(/\/$/, "") + config.namespace, {
    path: config.socketPath,
    transports: ["websocket", "polling"],
    auth: { token },
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
}

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "unauthorized";

/** The message of a `connect_error`: "unauthorized" means the token must be replaced (contracts §3.3). */
export function connectionStateOf(errorMessage: string): ConnectionState {
  return errorMessage === "unauthorized" ? "unauthorized" : "reconnecting";
}
