interface PageHeaderProps {
  product: string;
  purpose: string;
}

/** The product name and what it is for. */
export function PageHeader({ product, purpose }: PageHeaderProps) {
  return (
    <header className="page-header">
      <h1 className="page-header__title">{product}</h1>
      <p className="page-header__purpose">{purpose}</p>
      <p className="page-header__local">Runs locally; nothing leaves this page</p>
    </header>
  );
}
