import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoPoint } from '../../../shared/geo/types';
import type { ScheduledDay } from '../../../shared/planning/week-plan-visits';

type Props = {
  day: ScheduledDay;
  /** The day as the heading names it, e.g. "Montag, 07.12.2026". */
  dayLabel: string;
  nameOf: (accountId: string) => string;
};

type Mark = { kind: 'start' | 'end' | 'stop'; label: string; point: GeoPoint; x: number; y: number };

const W = 240;
const H = 150;
const PAD = 14;
/** Marks closer than this (in the sketch's units) are spread on a small ring, so numbers stay readable. */
const CROWD = 11;

/** Equirectangular projection scaled into the box: a schematic, not a map, so distortion is fine. */
function project(points: GeoPoint[]): { x: number; y: number }[] {
  const lat0 = points.reduce((s, p) => s + p.lat, 0) / points.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const xs = points.map((p) => p.lon * k);
  const ys = points.map((p) => -p.lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((W - 2 * PAD) / (maxX - minX || 1), (H - 2 * PAD) / (maxY - minY || 1));
  const offX = (W - (maxX - minX) * scale) / 2;
  const offY = (H - (maxY - minY) * scale) / 2;
  return xs.map((x, i) => ({ x: offX + (x - minX) * scale, y: offY + ((ys[i] ?? 0) - minY) * scale }));
}

/** Visits in the same town share one point: put them on a ring around it, in route order. */
function spread(marks: Mark[]): Mark[] {
  const groups: Mark[][] = [];
  for (const m of marks) {
    const g = groups.find((list) => list.some((o) => Math.hypot(o.x - m.x, o.y - m.y) < CROWD));
    if (g) g.push(m);
    else groups.push([m]);
  }
  return groups.flatMap((g) => {
    if (g.length === 1) return g;
    const r = Math.max(CROWD, (CROWD * g.length) / (2 * Math.PI));
    const cx = g.reduce((s, m) => s + m.x, 0) / g.length;
    const cy = g.reduce((s, m) => s + m.y, 0) / g.length;
    return g.map((m, i) => {
      const a = (2 * Math.PI * i) / g.length - Math.PI / 2;
      return { ...m, x: Math.min(W - 8, Math.max(8, cx + r * Math.cos(a))), y: Math.min(H - 8, Math.max(8, cy + r * Math.sin(a))) };
    });
  });
}

/**
 * A schematic route of the day: start and end point (squares), the visits numbered in route order
 * (circles), joined by straight lines. Black on white so it survives a black-and-white printer;
 * no map tiles (offline, and a map says little at this size). Only drawn when a visit has a point.
 */
export function RouteSketch({ day, dayLabel, nameOf }: Props) {
  const { t } = useTranslation('plan');
  const titleId = useId();
  const descId = useId();
  const placed = day.visits.filter((v) => v.entry.point);
  if (placed.length === 0) return null;
  const raw: Omit<Mark, 'x' | 'y'>[] = [
    ...(day.day.from ? [{ kind: 'start' as const, label: t('sketch.start'), point: day.day.from }] : []),
    ...placed.map((v) => ({ kind: 'stop' as const, label: String(v.stop), point: v.entry.point as GeoPoint })),
    ...(day.day.to ? [{ kind: 'end' as const, label: t('sketch.end'), point: day.day.to }] : []),
  ];
  const xy = project(raw.map((m) => m.point));
  // A round trip from home ends where it started: one square for both, the path closes on it.
  const loop = day.day.from && day.day.to && day.day.from.lat === day.day.to.lat && day.day.from.lon === day.day.to.lon;
  const all: Mark[] = raw.map((m, i) => ({ ...m, x: xy[i]?.x ?? 0, y: xy[i]?.y ?? 0 }));
  const drawn = spread(loop ? all.slice(0, -1) : all);
  const path = loop ? [...drawn, drawn[0] as Mark] : drawn;
  const unplaced = day.visits.length - placed.length;
  const desc = [
    day.day.from ? t('sketch.from', { place: day.day.from.label }) : '',
    ...placed.map((v) => t('sketch.stop', { stop: v.stop, name: nameOf(v.entry.accountId) })),
    day.day.to ? t('sketch.to', { place: day.day.to.label }) : '',
  ].filter(Boolean).join(' → ');
  return (
    <svg className="route-sketch" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
      <title id={titleId}>{t('sketch.title', { day: dayLabel })}</title>
      <desc id={descId}>{unplaced > 0 ? `${desc}. ${t('sketch.unplaced', { count: unplaced })}` : desc}</desc>
      <rect x="0.5" y="0.5" width={W - 1} height={H - 1} fill="#fff" stroke="#999" strokeWidth="0.75" />
      <polyline points={path.map((m) => `${m.x.toFixed(1)},${m.y.toFixed(1)}`).join(' ')} fill="none" stroke="#000" strokeWidth="1.2" strokeDasharray="4 2" strokeLinejoin="round" />
      {drawn.map((m, i) => (
        <g key={i} aria-hidden="true">
          {m.kind === 'stop'
            ? <circle cx={m.x} cy={m.y} r="6.5" fill="#fff" stroke="#000" strokeWidth="1.2" />
            : <rect x={m.x - 6.5} y={m.y - 6.5} width="13" height="13" fill="#000" />}
          <text x={m.x} y={m.y + 3} textAnchor="middle" fontSize="8.5" fontWeight="700" fill={m.kind === 'stop' ? '#000' : '#fff'}>
            {loop && m.kind === 'start' ? `${t('sketch.start')}` : m.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
