interface PageHeaderProps {
  product: string;
  purpose: string;
}

/** The product name and what it is for. */
export function PageHeader({ product, purpose }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-header__inner">
        <h1 className="page-header__title">{product}</h1>
        <p className="page-header__purpose">{purpose}</p>
      </div>
    </header>
  );
}
