import { useState } from "react";
import { Api, describeError, enc } from "../../shared/api";

/** Downloads the server's report (contracts §4.15) as CSV or JSON. */
export function ExportButtons({ api, sessionId }: { api: Api; sessionId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (format: "csv" | "json") => {
    setBusy(true);
    setError(null);
    try {
      const { blob, filename } = await api.download(`/sessions/${enc(sessionId)}/export?format=${format}`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = filename ?? `intervention-report-${sessionId}.${format}`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export">
      <button type="button" disabled={busy} onClick={() => run("csv")} data-testid="export-csv">
        Export CSV
      </button>{" "}
      <button type="button" disabled={busy} onClick={() => run("json")} data-testid="export-json">
        Export JSON
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
