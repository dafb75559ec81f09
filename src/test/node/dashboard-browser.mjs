// Drives the organizer dashboard and the attendee page in headless Chromium (Debian's `chromium`, through
// playwright-core) against a running jar. Started by DashboardBrowserIT, which passes:
//   BASE_URL, SOCKET_URL, ORG_TOKEN, ATT_TOKEN, ARTIFACTS (screenshot folder), CHROMIUM (executable path).
// The flow: sign in, tour, start the demo, see the score fall, the anomaly marker and the decision card; approve
// and see the intervention in the feed and the poll on the attendee page; switch to Auto and see the next one
// executed without a click; export CSV and check its rows; reload and see the same state from the snapshot.
// Exits 0 on success; prints the failing step and exits 1 otherwise.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const BASE = env("BASE_URL");
const ORG = env("ORG_TOKEN");
const ATT = env("ATT_TOKEN");
const ART = env("ARTIFACTS");
mkdirSync(ART, { recursive: true });
const started = Date.now();
const log = (m) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${m}`);
const check = (cond, message) => {
  if (!cond) throw new Error("assertion failed: " + message);
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The page configuration tells the pages where Socket.IO is (contracts §1). Without it the pages accept
// ?socketUrl= instead.
const configAnswer = await fetch(`${BASE}/dashboard/config.json`);
const query = configAnswer.ok ? "" : `?socketUrl=${encodeURIComponent(env("SOCKET_URL"))}`;
log(configAnswer.ok ? "config.json served" : "config.json missing: passing ?socketUrl=");

const browser = await chromium.launch({
  executablePath: env("CHROMIUM"),
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
let page;
let attendee;
const shot = async (p, name) => {
  await p.screenshot({ path: join(ART, `${name}.png`), fullPage: true });
  log(`screenshot ${name}.png`);
};

try {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  page.on("pageerror", (e) => log(`page error: ${e.message}`));

  // 1. Sign in from the URL printed at start, with the token in the fragment.
  await page.goto(`${BASE}/dashboard/${query}#token=${ORG}`);
  await page.getByTestId("role").waitFor();
  check((await page.getByTestId("role").textContent()).includes("Organizer"), "the role is shown as Organizer");
  check(!page.url().includes("token="), "the token is removed from the address bar");
  await page.getByTestId("connection").filter({ hasText: "Live" }).waitFor({ timeout: 20000 });

  // 2. The onboarding tour: seven steps with the real tick.
  await page.getByTestId("tour").waitFor({ timeout: 15000 });
  await shot(page, "01-tour");
  const texts = [];
  for (let i = 0; i < 7; i++) {
    texts.push(await page.getByTestId("tour-text").textContent());
    await page.getByTestId("tour-next").click();
  }
  check(texts.length === 7 && texts[1].includes("every 5 seconds"), "the tour's second step states the 5 s tick: " + texts[1]);
  check((await page.getByTestId("tour").count()) === 0, "the tour closes after the seventh step");
  await shot(page, "02-signed-in");

  // 3. A second session, set to Auto below, runs sudden_drop in the background: it shows the alerts for sessions
  //    not on screen and, later, an intervention executed without a click.
  const autoSession = `auto_${Date.now().toString(36)}`;
  const background = await fetch(`${BASE}/api/v1/simulations`, {
    method: "POST",
    headers: { Authorization: `Bearer ${ORG}`, "Content-Type": "application/json" },
    body: JSON.stringify({ session_id: autoSession, scenario: "sudden_drop", event_id: "evt_auto", attendees: 200, seed: 3 }),
  });
  check(background.status === 201, `the background simulation starts (${background.status} ${await background.text()})`);

  // Demo mode. On a server without the demo scenario the same flow runs on sudden_drop.
  await page.getByTestId("demo-scenario").selectOption("demo");
  await page.getByTestId("demo-start").click();
  let scenario = "demo";
  const outcome = await Promise.race([
    page.getByTestId("demo-state").waitFor({ timeout: 15000 }).then(() => "started"),
    page.getByTestId("demo-error").waitFor({ timeout: 15000 }).then(() => "error"),
  ]);
  if (outcome === "error") {
    log("demo scenario refused: " + (await page.getByTestId("demo-error").textContent()) + " -> sudden_drop");
    scenario = "sudden_drop";
    await page.getByTestId("demo-scenario").selectOption("sudden_drop");
    await page.getByTestId("demo-start").click();
    await page.getByTestId("demo-state").waitFor({ timeout: 15000 });
  }
  const sessionId = (await page.getByTestId("demo-state").textContent()).match(/ on (\S+):/)[1];
  log(`${scenario} running on ${sessionId}, sudden_drop on ${autoSession}`);

  // The background session goes to Auto; the demo session to Manual, so that the presenter approves (R8.5).
  await page.getByTestId(`session-${autoSession}`).click({ timeout: 20000 });
  await page.getByTestId("mode-AUTO").click();
  await page.locator('[data-testid="mode-AUTO"][aria-checked="true"]').waitFor({ timeout: 10000 });
  await page.getByTestId(`session-${sessionId}`).click();
  await page.getByTestId("mode-MANUAL").click();
  await page.locator('[data-testid="mode-MANUAL"][aria-checked="true"]').waitFor({ timeout: 10000 });

  // The attendee page of the same session, in a second window.
  const attContext = await browser.newContext({ viewport: { width: 800, height: 900 } });
  attendee = await attContext.newPage();
  const attendPath = (await fetch(`${BASE}/attend/${sessionId}`)).ok ? `/attend/${sessionId}${query}` : `/attend/index.html${query ? query + "&" : "?"}session=${sessionId}`;
  log(`attendee page ${attendPath.split("?")[0]}`);
  await attendee.goto(`${BASE}${attendPath}#token=${ATT}`);
  await attendee.getByTestId("att-connection").filter({ hasText: "Joined" }).waitFor({ timeout: 20000 });

  // 4. The score falls, the anomaly marker and the decision card appear.
  const scores = [];
  const deadline = Date.now() + (scenario === "demo" ? 330_000 : 420_000); // the demo raises about 245 s after its start (R8.5 in real time)
  while ((await page.getByTestId("decision-card").count()) === 0) {
    check(Date.now() < deadline, `a decision card in time (scores seen: ${scores.join(", ")})`);
    const s = Number.parseFloat(await page.getByTestId("score").textContent());
    if (!Number.isNaN(s) && scores.at(-1) !== s) scores.push(s);
    await sleep(1000);
  }
  const scoreAtDecision = Number.parseFloat(await page.getByTestId("score").textContent());
  const peak = Math.max(...scores);
  log(`scores ${scores.join(" → ")}; at the decision ${scoreAtDecision}`);
  check(peak - scoreAtDecision >= 8, `the score fell by at least 8 points before the decision (peak ${peak}, now ${scoreAtDecision})`);
  await page.getByTestId("anomaly-marker").first().waitFor({ timeout: 10000 });
  check((await page.getByTestId("reasoning").textContent()).length > 10, "the decision shows its reasoning");
  check((await page.getByTestId("countdown").textContent()).match(/^\d+:\d\d$/), "the decision shows a countdown");
  await page.getByTestId("context-grid").waitFor();
  await shot(page, "03-decision");

  // 5. Approve: the intervention lands in the feed and the attendee sees the poll.
  const decisionType = await page.getByTestId("decision-type").textContent();
  await page.getByTestId("approve").click();
  const approvedAt = Date.now();
  await page.getByTestId("resolution-text").filter({ hasText: "Approved" }).waitFor({ timeout: 15000 });
  await page.getByTestId("feed-item").first().waitFor({ timeout: 30000 });
  check((await page.getByTestId("feed-item").first().textContent()).includes(decisionType), `the feed shows the ${decisionType} intervention`);
  await page.getByTestId("intervention-marker").first().waitFor({ timeout: 30000 });
  if (decisionType === "POLL") {
    await attendee.getByTestId("poll-question").waitFor({ timeout: 30000 });
    await attendee.getByTestId("poll-option-1").click();
    await attendee.getByTestId("voted").waitFor({ timeout: 10000 });
  } else {
    await attendee.getByTestId("banner").first().waitFor({ timeout: 30000 });
  }
  await shot(page, "04-approved");
  await shot(attendee, "05-attendee");

  // 6. Auto: the background session's anomaly raises an alert, and its intervention executed without a click.
  await page.getByTestId("alert").filter({ hasText: autoSession }).first().waitFor({ timeout: 240_000 });
  await shot(page, "06-alert");
  await page.getByTestId(`session-${autoSession}`).click();
  await page.locator('[data-testid="mode-AUTO"][aria-checked="true"]').waitFor({ timeout: 10000 });
  await page.getByTestId("feed-item").first().waitFor({ timeout: 120_000 });
  check((await page.getByTestId("decision-card").count()) === 0, "nothing waits for a click in Auto");
  log("the Auto session's intervention executed without a click");
  await shot(page, "07-auto");
  await page.getByTestId(`session-${sessionId}`).click();
  await page.getByTestId("feed-item").first().waitFor({ timeout: 10000 });

  // 7. Export CSV from the server endpoint.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  check(download.suggestedFilename() === `intervention-report-${sessionId}.csv`, "the file name from Content-Disposition: " + download.suggestedFilename());
  const csv = readFileSync(await download.path(), "utf8");
  const lines = csv.split("\r\n").filter((l) => l.length > 0);
  check(lines[0] === "Timestamp,Type,Confidence,Status,Reasoning,Engagement Before,Engagement After,Engagement Delta,Generation Method,Latency (ms)", "the CSV header: " + lines[0]);
  const rows = lines.slice(1);
  check(rows.length >= 1, `at least one decision row, got ${rows.length}`);
  check(rows.filter((r) => /^[^,]+,"?'?[A-Z]+"?,[0-9.]+,"?(EXECUTED|SUCCEEDED|NOT_EFFECTIVE|UNCONFIRMED|MEASUREMENT_INCOMPLETE)"?,/.test(r))
    .length >= 1, "the approved decision's row is executed:\n" + rows.join("\n"));
  log(`CSV with ${rows.length} rows`);

  // 8. Reload: the same state comes back from the snapshot and the REST history.
  const feedCount = await page.getByTestId("feed-item").count();
  await page.reload();
  await page.getByTestId("connection").filter({ hasText: "Live" }).waitFor({ timeout: 20000 });
  await page.locator('[data-testid="mode-MANUAL"][aria-checked="true"]').waitFor({ timeout: 15000 });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="feed-item"]').length === n, feedCount, { timeout: 15000 });
  check((await page.getByTestId("session-heading").textContent()).includes(sessionId), "the same session is on screen after reload");
  await page.waitForFunction(() => !Number.isNaN(Number.parseFloat(document.querySelector('[data-testid="score"]')?.textContent ?? "")), null, { timeout: 15000 });
  await page.getByTestId("anomaly-marker").first().waitFor({ timeout: 15000 });
  await shot(page, "08-reloaded");
  log("PASS");
  await browser.close();
  process.exit(0);
} catch (e) {
  console.log("FAIL: " + (e && e.stack ? e.stack : e));
  try {
    if (page) await shot(page, "failure-dashboard");
    if (attendee) await shot(attendee, "failure-attendee");
  } catch {
    // the browser may be gone
  }
  await browser.close().catch(() => {});
  process.exit(1);
}
