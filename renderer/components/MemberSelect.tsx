import type { TeamMember } from '../../shared/domain';

type Props = {
  label: string;
  /** The first option, standing for "everyone" (value ''). */
  allLabel: string;
  team: readonly TeamMember[];
  value: string;
  onChange: (memberId: string) => void;
};

/** A team-member filter ("all" or one rep), shared by the reports and the pipeline. */
export function MemberSelect({ label, allLabel, team, value, onChange }: Props) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {team.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </label>
  );
}
