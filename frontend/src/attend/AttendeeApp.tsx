import { useEffect, useReducer, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import { loadConfig } from "../shared/config";
import { connectSocket, connectionStateOf, type ConnectionState } from "../shared/socket";
import { decodeClaims, tokenFromHash } from "../shared/token";
import type { Banner, Challenge, Poll, PollClosed, RoomLine } from "../shared/types";
import { ATTENDEE_ERRORS, attendReducer, initialAttendState } from "./attendState";

const TOKEN_KEY = "conductor.attendeeToken";
const REACTIONS = ["👏", "🔥", "😂", "❤️", "🤔"];

type Ack = { success: boolean; error?: string; [k: string]: unknown };

function takeToken(): string | null {
  const t = tokenFromHash(window.location.hash);
  if (t) {
    sessionStorage.setItem(TOKEN_KEY, t);
    history.replaceState(null, "", window.location.pathname + window.location.search);
    return t;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function AttendeeApp({ sessionId }: { sessionId: string | null }) {
  const [token, setToken] = useState<string | null>(takeToken);
  const [paste, setPaste] = useState("");
  if (!sessionId) return <main className="page"><h1>Attendee page</h1><p role="alert">No session in the address: open /attend/&lt;session id&gt;.</p></main>;
  if (!token)
    return (
      <main className="page signin">
        <h1>Join {sessionId}</h1>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (decodeClaims(paste)) {
              sessionStorage.setItem(TOKEN_KEY, paste.trim());
              setToken(paste.trim());
            }
          }}
        >
          <label htmlFor="att-token">Attendee token (printed when the service starts)</label>
          <textarea id="att-token" rows={3} value={paste} onChange={(e) => setPaste(e.target.value)} />
          <button type="submit">Join</button>
        </form>
      </main>
    );
  return <Room sessionId={sessionId} token={token} onSignOut={() => { sessionStorage.removeItem(TOKEN_KEY); setToken(null); }} />;
}

function Room({ sessionId, token, onSignOut }: { sessionId: string; token: string; onSignOut: () => void }) {
  const [state, dispatch] = useReducer(attendReducer, initialAttendState);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [joined, setJoined] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [chat, setChat] = useState("");
  const [question, setQuestion] = useState("");
  const socketRef = useRef<Socket | null>(null);
  const me = decodeClaims(token)?.sub;

  useEffect(() => {
    let socket: Socket | null = null;
    let cancelled = false;
    loadConfig().then((config) => {
      if (cancelled) return;
      socket = connectSocket(config, token);
      socketRef.current = socket;
      socket.on("connect", () => {
        setConnection("connected");
        socket?.emit("session.join", { sessionId }, (ack: Ack) => {
          if (ack?.success) {
            setJoined(true);
            setMessage(null);
            dispatch({ kind: "joined", activePoll: (ack["activePoll"] as Poll | null) ?? null, activeChallenge: (ack["activeChallenge"] as Challenge | null) ?? null });
          } else {
            setJoined(false);
            setMessage(ATTENDEE_ERRORS[ack?.error ?? ""] ?? `Could not join (${ack?.error ?? "no answer"}).`);
          }
        });
      });
      socket.on("disconnect", () => {
        setJoined(false);
        setConnection("reconnecting");
      });
      socket.on("connect_error", (err: Error) => setConnection(connectionStateOf(err.message)));
      socket.on("poll.opened", (p: { poll: Poll }) => dispatch({ kind: "poll.opened", poll: p.poll }));
      socket.on("poll.closed", (p: PollClosed) => dispatch({ kind: "poll.closed", closed: p }));
      socket.on("agent:intervention:banner", (b: Banner) => dispatch({ kind: "banner", banner: b }));
      socket.on("challenge.started", (c: { challenge: Challenge }) => dispatch({ kind: "challenge.started", challenge: c.challenge }));
      socket.on("chat.message", (l: RoomLine) => dispatch({ kind: "chat.message", line: l }));
      socket.on("qa.question", (l: RoomLine) => dispatch({ kind: "qa.question", line: l }));
    });
    return () => {
      cancelled = true;
      socket?.removeAllListeners();
      socket?.disconnect();
    };
  }, [sessionId, token]);

  const send = (event: string, payload: Record<string, unknown>, onOk?: (ack: Ack) => void) => {
    const s = socketRef.current;
    if (!s) return;
    s.emit(event, { sessionId, ...payload }, (ack: Ack) => {
      if (ack?.success) {
        setMessage(null);
        onOk?.(ack);
      } else setMessage(ATTENDEE_ERRORS[ack?.error ?? ""] ?? `Failed (${ack?.error ?? "no answer"}).`);
    });
  };

  const poll = state.poll;
  const closed = state.closedResults;
  return (
    <div className="page attend">
      <header className="topbar">
        <h1>Live session {sessionId}</h1>
        <span className={`conn ${connection}`} role="status" data-testid="att-connection">
          {connection === "connected" ? (joined ? "● Joined" : "Joining…") : connection === "unauthorized" ? "Token refused" : "○ Connecting…"}
        </span>
        {connection === "unauthorized" && <button type="button" onClick={onSignOut}>Use another token</button>}
      </header>
      {message && <p role="alert" className="error">{message}</p>}
      <section aria-live="polite" aria-label="Announcements" className="banners">
        {state.banners.map((b) => (
          <div key={(b.interventionId ?? "") + b.timestamp} className="banner-item" data-testid="banner">
            <strong>{b.icon === "chart" ? "📊" : b.icon === "trophy" ? "🏆" : "📣"} {b.title}</strong> {b.message}
          </div>
        ))}
      </section>
      {state.challenge && (
        <section className="card" data-testid="challenge">
          <h2>🏆 {state.challenge.name}</h2>
          <p>{state.challenge.description}</p>
        </section>
      )}
      <section className="card" aria-labelledby="poll-heading">
        <h2 id="poll-heading">Poll</h2>
        {!poll ? (
          <p className="muted" data-testid="no-poll">No poll open right now.</p>
        ) : (
          <div data-testid="poll">
            <p className="question" data-testid="poll-question">{poll.question}</p>
            <div role="group" aria-label="Poll options" className="options">
              {poll.options.map((o) => {
                const votes = closed?.results.find((r) => r.optionId === o.id)?.votes;
                return (
                  <button
                    key={o.id}
                    type="button"
                    disabled={!joined || state.votedOption !== null || closed !== null}
                    aria-pressed={state.votedOption === o.id}
                    data-testid={`poll-option-${o.id}`}
                    onClick={() => send("poll.vote", { pollId: poll.id, optionId: o.id }, () => dispatch({ kind: "voted", optionId: o.id }))}
                  >
                    {state.votedOption === o.id ? "✓ " : ""}
                    {o.text}
                    {votes !== undefined ? ` – ${votes} votes` : ""}
                  </button>
                );
              })}
            </div>
            {state.votedOption && <p role="status" data-testid="voted">Thanks, your vote is in.</p>}
            {closed && <p role="status">The poll has closed.</p>}
          </div>
        )}
      </section>
      <section className="card" aria-label="Reactions">
        <h2>React</h2>
        {REACTIONS.map((e) => (
          <button key={e} type="button" disabled={!joined} aria-label={`React ${e}`} onClick={() => send("reaction.send", { emoji: e })} data-testid="reaction">
            {e}
          </button>
        ))}
      </section>
      <section className="card" aria-labelledby="chat-heading">
        <h2 id="chat-heading">Chat</h2>
        <ol className="chat" data-testid="chat-lines">
          {state.lines.map((l) => (
            <li key={l.timestamp + l.userId + l.text}>
              <strong>{l.userId === me ? "You" : l.userId}:</strong> {l.text}
            </li>
          ))}
        </ol>
        <form onSubmit={(e) => { e.preventDefault(); if (chat.trim()) send("chat.send", { text: chat.trim() }, () => setChat("")); }}>
          <label htmlFor="chat-input" className="sr-only">Message</label>
          <input id="chat-input" maxLength={1000} value={chat} onChange={(e) => setChat(e.target.value)} placeholder="Say something" disabled={!joined} />
          <button type="submit" disabled={!joined}>Send</button>
        </form>
      </section>
      <section className="card" aria-labelledby="qa-heading">
        <h2 id="qa-heading">Questions</h2>
        <ol className="chat">
          {state.questions.map((l) => (
            <li key={l.questionId ?? l.timestamp}>{l.text}</li>
          ))}
        </ol>
        <form onSubmit={(e) => { e.preventDefault(); if (question.trim()) send("qa.ask", { text: question.trim() }, () => setQuestion("")); }}>
          <label htmlFor="qa-input" className="sr-only">Question</label>
          <input id="qa-input" maxLength={500} value={question} onChange={(e) => setQuestion(e.target.value)} placeholder="Ask the speaker" disabled={!joined} />
          <button type="submit" disabled={!joined}>Ask</button>
        </form>
      </section>
    </div>
  );
}
