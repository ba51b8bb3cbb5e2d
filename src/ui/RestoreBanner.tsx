interface RestoreBannerProps {
  onRestore: () => void;
  onStartOver: () => void;
}

/** A profile left from an earlier visit: bring it back, or start over (never dropped silently). */
export function RestoreBanner({ onRestore, onStartOver }: RestoreBannerProps) {
  return (
    <div className="restore-banner" role="region" aria-label="Unsaved profile">
      <p className="restore-banner__text">
        <strong>You have an unsaved profile from your last visit.</strong> Restore it, or start over
        from the profile shown.
      </p>
      <button type="button" className="button button--small" onClick={onRestore}>
        Restore your unsaved profile
      </button>
      <button type="button" className="button button--quiet button--small" onClick={onStartOver}>
        Start over
      </button>
    </div>
  );
}
