// The attendee page's state from the room events (contracts §7.3, §7.5). Pure, so Vitest checks it.
import type { Banner, Challenge, Poll, PollClosed, RoomLine } from "../shared/types";

export interface AttendState {
  poll: Poll | null;
  votedOption: string | null;
  closedResults: PollClosed | null;
  challenge: Challenge | null;
  banners: Banner[];
  lines: RoomLine[];
  questions: RoomLine[];
}

export const initialAttendState: AttendState = {
  poll: null,
  votedOption: null,
  closedResults: null,
  challenge: null,
  banners: [],
  lines: [],
  questions: [],
};

export type AttendAction =
  | { kind: "joined"; activePoll: Poll | null; activeChallenge: Challenge | null }
  | { kind: "poll.opened"; poll: Poll }
  | { kind: "poll.closed"; closed: PollClosed }
  | { kind: "voted"; optionId: string }
  | { kind: "banner"; banner: Banner }
  | { kind: "challenge.started"; challenge: Challenge }
  | { kind: "chat.message"; line: RoomLine }
  | { kind: "qa.question"; line: RoomLine };

const MAX_LINES = 50;

export function attendReducer(s: AttendState, a: AttendAction): AttendState {
  switch (a.kind) {
    case "joined":
      return {
        ...s,
        poll: a.activePoll ?? s.poll,
        votedOption: a.activePoll && a.activePoll.id !== s.poll?.id ? null : s.votedOption,
        challenge: a.activeChallenge ?? s.challenge,
      };
    case "poll.opened":
      return { ...s, poll: a.poll, votedOption: s.poll?.id === a.poll.id ? s.votedOption : null, closedResults: null };
    case "poll.closed":
      return s.poll && s.poll.id === a.closed.pollId ? { ...s, closedResults: a.closed } : s;
    case "voted":
      return { ...s, votedOption: a.optionId };
    case "banner":
      return { ...s, banners: [a.banner, ...s.banners].slice(0, 5) };
    case "challenge.started":
      return { ...s, challenge: a.challenge };
    case "chat.message":
      return { ...s, lines: [...s.lines, a.line].slice(-MAX_LINES) };
    case "qa.question":
      return { ...s, questions: [...s.questions, a.line].slice(-MAX_LINES) };
  }
}

/** The session id of the attendee page: `/attend/{sessionId}`, else `?session=`. */
export function sessionIdFromLocation(pathname: string, search: string): string | null {
  const m = /^\/attend\/([^/]+)\/?$/.exec(pathname);
  if (m && m[1] !== "index.html") return decodeURIComponent(m[1]);
  const q = new URLSearchParams(search).get("session");
  return q && q.length > 0 ? q : null;
}

export const ATTENDEE_ERRORS: Record<string, string> = {
  unauthorized: "Your token is not valid: sign in again.",
  invalid_session_id: "This is not a valid session address.",
  invalid_payload: "That could not be sent.",
  unknown_session: "This session does not exist (yet).",
  not_joined: "Join the session first.",
  unknown_poll: "This poll is no longer known.",
  poll_closed: "This poll has closed.",
  already_voted: "You already voted in this poll.",
  rate_limited: "Slow down a little, then try again.",
  unavailable: "The service is busy; try again.",
};
