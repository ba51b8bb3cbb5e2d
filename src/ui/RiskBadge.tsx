interface RiskBadgeProps {
  risk: string;
}

/** How much a syscall would hand an attacker in a container, as Docker's reasons rate it. */
export function RiskBadge({ risk }: RiskBadgeProps) {
  return (
    <span className={`risk risk--${risk}`} title={`${risk} risk`}>
      {risk}
    </span>
  );
}
