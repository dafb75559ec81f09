import { useState } from "react";
import { decodeClaims, roleOf } from "../../shared/token";

interface Props {
  message: string | null;
  onToken: (token: string) => void;
}

/** Sign-in by pasting a token; the usual way in is the URL printed at start, whose `#token=` is read first. */
export function SignIn({ message, onToken }: Props) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const claims = decodeClaims(text);
    if (!claims) {
      setError("This is not a token (three dot-separated parts starting with eyJ).");
      return;
    }
    if (!roleOf(claims).canRead) {
      setError("This token has no dashboard permission (an attendee token opens the attendee page instead).");
      return;
    }
    onToken(text.trim());
  };
  return (
    <main className="signin">
      <h1>Engagement Conductor</h1>
      <p>Open the Dashboard address printed when the service starts (it carries your token), or paste a token.</p>
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
      <form onSubmit={submit}>
        <label htmlFor="token-input">Organizer token</label>
        <textarea id="token-input" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
