import type { TeamMember } from '../../shared/domain';

type Props = {
  label: string;
  /** The first option, standing for "everyone" (value ''); without it a member must be chosen. */
  allLabel?: string;
  team: readonly TeamMember[];
  value: string;
  onChange: (memberId: string) => void;
};

/** A team-member picker: a filter ("all" or one rep) in reports and pipeline, an owner in deal and complaint forms. */
export function MemberSelect({ label, allLabel, team, value, onChange }: Props) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {team.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </label>
  );
}
