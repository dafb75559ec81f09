import type { Posterior } from "../../shared/types";
import { betaCurve, betaMean } from "./beta";

const W = 280;
const H = 110;
const COLORS: Record<string, string> = { POLL: "#2563eb", BROADCAST: "#d97706", NOTIFICATION: "#059669", GAMIFICATION: "#9333ea" };
const DASH: Record<string, string> = { POLL: "", BROADCAST: "6 3", NOTIFICATION: "2 2", GAMIFICATION: "8 2 2 2" };

/** A small plot of each arm's Beta posterior; line style and the legend text, not colour alone, tell arms apart. */
export function BetaPlot({ posteriors, chosen }: { posteriors: Record<string, Posterior>; chosen: string }) {
  const arms = Object.entries(posteriors);
  const curves = arms.map(([arm, p]) => ({ arm, p, pts: betaCurve(p.alpha, p.beta) }));
  const maxY = Math.max(1, ...curves.flatMap((c) => c.pts.map((q) => q.y)));
  const path = (pts: { x: number; y: number }[]) =>
    pts.map((q, i) => `${i === 0 ? "M" : "L"}${(q.x * W).toFixed(1)},${(H - (q.y / maxY) * (H - 4)).toFixed(1)}`).join(" ");
  return (
    <figure className="beta-plot">
      <svg width={W} height={H + 14} role="img" aria-label="Posterior of each intervention type">
        <line x1={0} y1={H} x2={W} y2={H} stroke="#9aa5b1" />
        {[0, 0.5, 1].map((t) => (
          <text key={t} x={t * W} y={H + 12} fontSize={9} textAnchor={t === 0 ? "start" : t === 1 ? "end" : "middle"}>
            {t * 100}
          </text>
        ))}
        {curves.map(({ arm, p, pts }) => (
          <path
            key={arm}
            d={path(pts)}
            fill="none"
            stroke={COLORS[arm] ?? "#555"}
            strokeDasharray={DASH[arm] ?? ""}
            strokeWidth={arm === chosen ? 2.5 : 1.2}
            opacity={p.eligible ? 1 : 0.35}
          />
        ))}
      </svg>
      <figcaption>
        <ul className="legend">
          {curves.map(({ arm, p }) => (
            <li key={arm}>
              <span className="swatch" style={{ borderColor: COLORS[arm] ?? "#555", borderStyle: DASH[arm] ? "dashed" : "solid" }} /> {arm}
              {arm === chosen ? " (chosen)" : ""}: mean {(betaMean(p.alpha, p.beta) * 100).toFixed(1)}, Beta({p.alpha.toFixed(1)}, {p.beta.toFixed(1)})
              {p.eligible ? "" : " – not eligible"}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
