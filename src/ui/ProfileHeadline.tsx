interface ProfileHeadlineProps {
  /** The text is Docker's default, byte for byte. */
  isDockerDefault: boolean;
  /** Where Docker's default comes from: "moby/profiles seccomp/default.json @ cd3bed8". */
  source: string;
  sourceTitle: string;
  /** "Blocked (EPERM)". */
  defaultStatus: string | undefined;
  ruleCount: number | undefined;
  keptCount: number | undefined;
  arch: string;
  /** Syscalls whose outcome differs from Docker's default in this context. */
  changedCount: number;
  /** Why Docker can't use the profile, when it can't. */
  problem: string | undefined;
  onReset: () => void;
}

/** One line about the profile being looked at: which one, its default action, its rules. */
export function ProfileHeadline({
  isDockerDefault,
  source,
  sourceTitle,
  defaultStatus,
  ruleCount,
  keptCount,
  arch,
  changedCount,
  problem,
  onReset,
}: ProfileHeadlineProps) {
  return (
    <div className="headline">
      <p className="headline__text">
        <span className="headline__name">
          {isDockerDefault ? 'Docker’s default profile' : 'Your profile'}
        </span>
        {isDockerDefault ? (
          <span className="headline__item" title={sourceTitle}>
            {source}
          </span>
        ) : (
          <span className="headline__item headline__item--changed">
            {changedCount === 0
              ? 'edited; behaves like Docker’s default here'
              : `${changedCount} ${changedCount === 1 ? 'syscall differs' : 'syscalls differ'} from Docker’s default`}
          </span>
        )}
        {defaultStatus !== undefined && (
          <span className="headline__item">
            otherwise {defaultStatus.charAt(0).toLowerCase() + defaultStatus.slice(1)}
          </span>
        )}
        {ruleCount !== undefined && keptCount !== undefined && (
          <span className="headline__item headline__item--secondary">
            {ruleCount} rules, {keptCount} in force on {arch}
          </span>
        )}
      </p>
      {problem !== undefined && (
        <p className="headline__problem" role="alert">
          Docker cannot use this profile: {problem}
        </p>
      )}
      {!isDockerDefault && (
        <button type="button" className="link-button headline__reset" onClick={onReset}>
          Reset to Docker’s default
        </button>
      )}
    </div>
  );
}
