import { ActionLabel } from './ActionLabel.tsx';
import type { ConditionalRuleSummary } from './profile-summary.ts';
import { SyscallNames } from './SyscallNames.tsx';

interface ConditionalRulesTableProps {
  rules: readonly ConditionalRuleSummary[];
  /** The host architecture the profile was resolved for, e.g. `amd64`. */
  arch: string;
  /** The context the profile was resolved in, in words. */
  contextText: string;
}

/** The rules Docker keeps or drops depending on architecture, capabilities or kernel. */
export function ConditionalRulesTable({ rules, arch, contextText }: ConditionalRulesTableProps) {
  return (
    <div className="table-scroll">
      <table className="rules-table">
        <caption>
          Conditional rules{' '}
          <span className="caption-note">
            {rules.length} rules, each kept or dropped for {contextText}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className="rules-table__names">
              Syscalls
            </th>
            <th scope="col">Action</th>
            <th scope="col">Condition</th>
            <th scope="col">On {arch}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.index}>
              <td className="rules-table__names">
                <SyscallNames names={rule.names} />
              </td>
              <td className="rules-table__action" data-label="Action">
                <ActionLabel action={rule.action} errnoRet={rule.errnoRet} />
              </td>
              <td className="rules-table__condition" data-label="Condition">
                {rule.conditions.join(', ')}
              </td>
              <td className="rules-table__kept">
                <span className={rule.kept ? 'badge badge--kept' : 'badge badge--dropped'}>
                  {rule.kept ? 'kept' : 'dropped'}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
