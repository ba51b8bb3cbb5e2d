import { useMemo } from 'react';
import { DOCKER_DEFAULT_SOURCE } from '../core/docker-default.ts';
import { ConditionalRulesTable } from '../ui/ConditionalRulesTable.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemNotice } from '../ui/ProblemNotice.tsx';
import { ProfileSummaryTable } from '../ui/ProfileSummaryTable.tsx';
import { summarizeDockerDefault } from './default-profile-summary.ts';
import './app.css';

const PRODUCT = 'seccomp-editor';
const PURPOSE =
  'Read, edit and compare Docker and OCI seccomp profiles — in the browser and in CI.';

function DefaultProfileSource() {
  const { repository, path, commit } = DOCKER_DEFAULT_SOURCE;
  return (
    <p className="section-lead">
      Docker applies this profile to every container that isn’t given one. Figures below are
      computed in your browser from <code>{path}</code> of <code>{repository}</code> at commit{' '}
      <code title={commit}>{commit.slice(0, 7)}</code>.
    </p>
  );
}

/** The first page: what Docker's default seccomp profile allows, computed from its text. */
export function App() {
  const result = useMemo(() => summarizeDockerDefault(), []);
  return (
    <>
      <PageHeader product={PRODUCT} purpose={PURPOSE} />
      <main className="page-main">
        <section className="section" aria-labelledby="default-profile-heading">
          <h2 id="default-profile-heading">Docker’s default profile</h2>
          <DefaultProfileSource />
          {result.ok ? (
            <div className="summary-layout">
              <ProfileSummaryTable
                summary={result.summary}
                contextText={result.contextText}
                arch={result.context.arch}
              />
              <ConditionalRulesTable
                rules={result.summary.conditionalRules}
                arch={result.context.arch}
                contextText={result.contextText}
              />
            </div>
          ) : (
            <ProblemNotice
              title="Docker’s default profile could not be read"
              message={result.error}
            />
          )}
        </section>
      </main>
      <footer className="page-footer">
        Everything runs locally; no profile ever leaves this page.
      </footer>
    </>
  );
}
