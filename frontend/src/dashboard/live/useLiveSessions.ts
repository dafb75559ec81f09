import { useEffect, useReducer, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import { connectSocket, connectionStateOf, type ConnectionState } from "../../shared/socket";
import type { PageConfig, SubscribeAck } from "../../shared/types";
import { AGENT_EVENTS, liveReducer, type LiveAction, type LiveState } from "./liveState";

export interface LiveSessions {
  state: LiveState;
  connection: ConnectionState;
  subscribeErrors: Record<string, string>;
  dispatch: (action: LiveAction) => void;
  /** Bumps on every (re)connection, so data hooks reload what the socket may have missed. */
  connectionEpoch: number;
}

/**
 * The dashboard's socket: subscribes to every session in `sessionIds` and applies snapshots and forwarded
 * events; after a reconnect it subscribes again and takes the new snapshots (contracts §7.1, §7.2).
 */
export function useLiveSessions(config: PageConfig | null, token: string, sessionIds: string[]): LiveSessions {
  const [state, dispatch] = useReducer(liveReducer, {});
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [subscribeErrors, setSubscribeErrors] = useState<Record<string, string>>({});
  const [connectionEpoch, setEpoch] = useState(0);
  const socketRef = useRef<Socket | null>(null);
  const subscribed = useRef<Set<string>>(new Set());
  const wanted = useRef<string[]>(sessionIds);
  wanted.current = sessionIds;

  const subscribe = (socket: Socket, sessionId: string) => {
    subscribed.current.add(sessionId);
    socket.emit("agent:subscribe", { sessionId }, (ack: SubscribeAck) => {
      if (ack && ack.success) {
        dispatch({ kind: "snapshot", sessionId, snapshot: ack.snapshot });
        setSubscribeErrors((e) => {
          if (!(sessionId in e)) return e;
          const next = { ...e };
          delete next[sessionId];
          return next;
        });
      } else {
        subscribed.current.delete(sessionId);
        setSubscribeErrors((e) => ({ ...e, [sessionId]: ack ? ack.error : "no_answer" }));
      }
    });
  };

  useEffect(() => {
    if (!config) return;
    const socket = connectSocket(config, token);
    socketRef.current = socket;
    socket.on("connect", () => {
      setConnection("connected");
      setEpoch((n) => n + 1);
      subscribed.current = new Set();
      for (const id of wanted.current) subscribe(socket, id);
    });
    socket.on("disconnect", () => setConnection("reconnecting"));
    socket.on("connect_error", (err: Error) => setConnection(connectionStateOf(err.message)));
    socket.on("auth.expired", () => setConnection("unauthorized"));
    for (const name of AGENT_EVENTS) {
      socket.on(name, (payload: unknown) => dispatch({ kind: "event", name, payload }));
    }
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [config, token]);

  const key = sessionIds.join("\u0000");
  useEffect(() => {
    const socket = socketRef.current;
    if (!socket || !socket.connected) return;
    for (const id of sessionIds) if (!subscribed.current.has(id)) subscribe(socket, id);
    for (const id of [...subscribed.current]) {
      if (!sessionIds.includes(id)) {
        subscribed.current.delete(id);
        socket.emit("agent:unsubscribe", { sessionId: id });
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return { state, connection, subscribeErrors, dispatch, connectionEpoch };
}
