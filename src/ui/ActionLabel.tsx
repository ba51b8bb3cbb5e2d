interface ActionLabelProps {
  action: string;
  errnoRet?: bigint | undefined;
}

/** A seccomp action, with the errno it returns when it sets one. */
export function ActionLabel({ action, errnoRet }: ActionLabelProps) {
  return (
    <>
      <code className="action">{action}</code>
      {errnoRet !== undefined && <span className="muted"> (errno {errnoRet.toString()})</span>}
    </>
  );
}
