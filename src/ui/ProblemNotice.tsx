interface ProblemNoticeProps {
  title: string;
  message: string;
}

/** A problem that kept the page from showing what it meant to. */
export function ProblemNotice({ title, message }: ProblemNoticeProps) {
  return (
    <div className="problem" role="alert">
      <p className="problem__title">{title}</p>
      <p className="problem__message">{message}</p>
    </div>
  );
}
