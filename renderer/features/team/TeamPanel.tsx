import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type TeamMember } from '../../../shared/domain';
import type { FieldErrors } from '../../../shared/validation/result';
import { useSession } from '../../core/session';
import { useLive } from '../../db/core/live';
import { addMember, initialsOf, listTeam, nextColor, updateMember } from '../../db/team/team';
import { SelectField, TextField } from '../account-form';

type Draft = { name: string; initials: string; color: string; role: TeamMember['role']; email: string; active: boolean };

function MemberForm({ member, count, onDone }: { member?: TeamMember; count: number; onDone: () => void }) {
  const { t } = useTranslation('team');
  const [v, setV] = useState<Draft>(member ?? { name: '', initials: '', color: nextColor(count), role: 'rep', email: '', active: true });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (patch: Partial<Draft>) => setV((s) => ({ ...s, ...patch }));
  const key = member?.id ?? 'new';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { ...v, initials: v.initials || initialsOf(v.name) };
    const r = member ? await updateMember(member.id, input) : await addMember(input);
    if (!r.ok) return setErrors(r.errors);
    onDone();
  };
  return (
    <form className="account-form member-form" onSubmit={submit} noValidate aria-label={member ? t('editNamed', { name: member.name }) : t('add')}>
      <TextField id={`tm-name-${key}`} label={t('name')} value={v.name} onChange={(name) => set({ name })} error={errors.name} autoFocus />
      <TextField id={`tm-initials-${key}`} label={t('initials')} value={v.initials} onChange={(initials) => set({ initials })} error={errors.initials} hint={t('initialsHint')} />
      <TextField id={`tm-color-${key}`} label={t('color')} type="color" value={v.color} onChange={(color) => set({ color })} error={errors.color} />
      <SelectField id={`tm-role-${key}`} label={t('role')} value={v.role} onChange={(role) => set({ role: role as Draft['role'] })} options={ROLES.map((r) => [r, t(`common:role.${r}`)] as const)} />
      <TextField id={`tm-email-${key}`} label={t('email')} type="email" value={v.email} onChange={(email) => set({ email })} error={errors.email} />
      <label className="check">
        <input type="checkbox" checked={v.active} onChange={(e) => set({ active: e.target.checked })} />
        {t('active')}
      </label>
      <div className="actions">
        <button type="submit" className="primary">{t('common:action.save')}</button>
        <button type="button" onClick={onDone}>{t('common:action.cancel')}</button>
      </div>
    </form>
  );
}

/** The team: name, initials, colour and role of each member; this seat's own member is marked. */
export function TeamPanel() {
  const { t } = useTranslation('team');
  const selfId = useSession((s) => s.selfId);
  const team = useLive(listTeam) ?? [];
  const [editing, setEditing] = useState<string>();
  return (
    <section className="panel" aria-labelledby="team-title">
      <div className="title-row">
        <h2 id="team-title">{t('title')}</h2>
        {editing === undefined && (
          <button type="button" onClick={() => setEditing('new')}>
            {t('add')}
          </button>
        )}
      </div>
      {editing === 'new' && <MemberForm count={team.length} onDone={() => setEditing(undefined)} />}
      <ul className="plain-list">
        {team.map((m) =>
          editing === m.id ? (
            <li key={m.id}>
              <MemberForm member={m} count={team.length} onDone={() => setEditing(undefined)} />
            </li>
          ) : (
            <li key={m.id} className="trash-row">
              <span>
                <span className="avatar" style={{ background: m.color }} aria-hidden="true">{m.initials}</span> {m.name}{' '}
                <span className="muted">· {t(`common:role.${m.role}`)}{!m.active && ` · ${t('inactive')}`}</span>
                {m.id === selfId && <strong> · {t('thisSeat')}</strong>}
              </span>
              <button type="button" className="link" onClick={() => setEditing(m.id)} aria-label={t('editNamed', { name: m.name })}>
                {t('common:action.edit')}
              </button>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
