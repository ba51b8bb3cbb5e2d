import { ActionLabel } from './ActionLabel.tsx';
import type { ProfileSummary } from './profile-summary.ts';

interface ProfileSummaryTableProps {
  summary: ProfileSummary;
  /** The context the profile was resolved in, in words. */
  contextText: string;
  /** The host architecture the profile was resolved for, e.g. `amd64`. */
  arch: string;
}

/** Key figures of a profile: default action, rule counts, architectures after resolution. */
export function ProfileSummaryTable({ summary, contextText, arch }: ProfileSummaryTableProps) {
  return (
    <table className="summary-table">
      <caption>
        Summary <span className="caption-note">resolved for {contextText}</span>
      </caption>
      <tbody>
        <tr>
          <th scope="row">Default action</th>
          <td>
            <ActionLabel action={summary.defaultAction} />
          </td>
        </tr>
        <tr>
          <th scope="row">Default errno</th>
          <td>
            {summary.defaultErrnoRet === undefined ? (
              <span className="muted">not set</span>
            ) : (
              summary.defaultErrnoRet.toString()
            )}
          </td>
        </tr>
        <tr>
          <th scope="row">Rules</th>
          <td className="number">{summary.ruleCount}</td>
        </tr>
        <tr>
          <th scope="row">Rules kept on {arch}</th>
          <td className="number">{summary.keptRuleCount}</td>
        </tr>
        <tr>
          <th scope="row">Syscalls allowed unconditionally</th>
          <td className="number">{summary.unconditionalAllowCount}</td>
        </tr>
        <tr>
          <th scope="row">Rules filtering on arguments</th>
          <td className="number">{summary.argumentRuleCount}</td>
        </tr>
        <tr>
          <th scope="row">Architectures on {arch}</th>
          <td>
            <ul className="inline-list">
              {summary.architectures.map((architecture, position) => (
                <li key={`${position}:${architecture}`}>
                  <code>{architecture}</code>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
