import { describe, expect, it } from "vitest";
import { attendReducer, initialAttendState, sessionIdFromLocation } from "./attendState";

const poll = { id: "agent-poll-b1", question: "How is the pace right now?", options: [{ id: "1", text: "Too fast" }, { id: "2", text: "About right" }] };

describe("attendee page", () => {
  it("reads the session id from /attend/{sessionId} or ?session=", () => {
    expect(sessionIdFromLocation("/attend/sess_42", "")).toBe("sess_42");
    expect(sessionIdFromLocation("/attend/index.html", "?session=sess_7")).toBe("sess_7");
    expect(sessionIdFromLocation("/attend/", "")).toBeNull();
  });

  it("shows an opened poll, remembers the vote, and shows results when it closes", () => {
    let s = attendReducer(initialAttendState, { kind: "poll.opened", poll });
    s = attendReducer(s, { kind: "voted", optionId: "2" });
    expect(s.votedOption).toBe("2");
    s = attendReducer(s, { kind: "poll.closed", closed: { sessionId: "x", pollId: "agent-poll-b1", results: [{ optionId: "2", votes: 17 }] } });
    expect(s.closedResults?.results[0].votes).toBe(17);
  });

  it("clears the vote when a new poll opens", () => {
    let s = attendReducer(initialAttendState, { kind: "poll.opened", poll });
    s = attendReducer(s, { kind: "voted", optionId: "1" });
    s = attendReducer(s, { kind: "poll.opened", poll: { ...poll, id: "agent-poll-b2" } });
    expect(s.votedOption).toBeNull();
  });

  it("ignores the close of another poll", () => {
    const s = attendReducer(attendReducer(initialAttendState, { kind: "poll.opened", poll }), {
      kind: "poll.closed",
      closed: { sessionId: "x", pollId: "other", results: [] },
    });
    expect(s.closedResults).toBeNull();
  });

  it("takes the open poll from the join answer", () => {
    const s = attendReducer(initialAttendState, { kind: "joined", activePoll: poll, activeChallenge: null });
    expect(s.poll?.question).toBe("How is the pace right now?");
  });
});
