import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import '../../renderer/src/i18n';
import { ApiClient, setApiForTests } from '../../renderer/src/api/client';
import { App, Shell } from '../../renderer/src/app/App';
import { CATALOG_PARTS, CATALOGS } from '../../renderer/src/app/catalogs';
import { preloadPages, type FeatureEntry } from '../../renderer/src/app/feature';
import { FEATURES } from '../../renderer/src/app/features';
import { SessionProvider, useSession } from '../../renderer/src/app/session';
import { FieldRow, FormTable, ListTable, PrintFrame, SectionRow, SheetFoot, SheetHead, Signatures } from '../../renderer/src/components/print';
import { installCatalogs, type Language } from '../../renderer/src/i18n';
import type { Result } from '../../shared/domain/result';
import type { Role } from '../../shared/domain/roles';
import { sessionInfo } from './fake-main';

// The feature pages are lazy chunks (issue 12): load them all once, so no test's first wait covers a chunk's import.
beforeAll(() => preloadPages(FEATURES), 120_000);

function signInAs(role: Role, displayName: string) {
  sessionStorage.setItem('stationdesk.session', 's1');
  const info = sessionInfo(role, displayName);
  const answers: Record<string, Result<unknown>> = {
    'setup.status': { ok: true, value: { initialized: true, stationName: info.stationName } },
    'auth.session': { ok: true, value: info },
  };
  setApiForTests(new ApiClient(async (p) => answers[p] ?? { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: p } }));
}

const menu = () => screen.getAllByRole('menuitem').map((item) => item.textContent);
const selected = () => document.querySelector('.ant-menu-item-selected')?.textContent;

beforeEach(() => {
  sessionStorage.clear();
  window.location.hash = '#/';
});

describe('the registry', () => {
  it('lists each feature once, each page and print view at an address of its own', () => {
    const unique = (xs: (string | undefined)[]) => expect(new Set(xs).size).toBe(xs.length);
    unique(FEATURES.map((f) => f.key));
    unique(FEATURES.filter((f) => f.path).map((f) => f.path));
    unique(FEATURES.flatMap((f) => f.printRoutes ?? []).map((r) => r.path));
    for (const f of FEATURES) if (f.menu || f.routes || f.homeCard) expect(f.path, f.key).toBeDefined();
  });

  it('names every menu item and describes every home card, in both languages', () => {
    const lookup = (lng: Language, key: string) => key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)?.[k], CATALOGS[lng]);
    const keys = FEATURES.flatMap((f) => [...(f.menu ? [`nav.${f.key}`] : []), ...(f.homeCard ? [`modules.${f.key}`] : [])]);
    for (const lng of ['zh-CN', 'en'] as const) expect(keys.filter((k) => typeof lookup(lng, k) !== 'string')).toEqual([]);
  });

  it('keeps the modules not built yet in view, each saying so', () => {
    expect(FEATURES.filter((f) => f.built === false).map((f) => f.key)).toEqual(['foodSamples', 'fosterCare', 'outreach', 'reports']);
  });
});

describe('the menu and the home page, from the registry', () => {
  it('shows the admin the modules and admin pages their permissions open, in the registry’s order', async () => {
    signInAs('admin', '王站长');
    render(<App />);
    await screen.findByTestId('current-user');
    // Handovers are the duty's (duty.read): the admin, who may not read them, is not led to a page that refuses.
    expect(menu()).toEqual(['今日看板', '排班值守', '防暑物资', '统计上报', '系统管理', '用户管理', '审计日志', '站点设置', '备份与恢复']);
    expect(screen.getAllByTestId(/^module-/).map((card) => card.dataset.testid)).toEqual(['module-roster', 'module-stock', 'module-reports', 'module-admin']);
    expect(screen.getByTestId('module-stock')).toHaveTextContent('可用');
    expect(screen.getByTestId('module-reports')).toHaveTextContent('尚未建成');
    expect(screen.getByTestId('module-admin')).toHaveTextContent('可用');
  });

  it('gives a duty leader intake and the one admin page they may open, and leads the admin card there', async () => {
    signInAs('duty_leader', '周队长');
    render(<App />);
    await screen.findByTestId('current-user');
    expect(menu()).toEqual(['今日看板', '接待登记', '排班值守', '交接班', '防暑物资', '外展巡查', '统计上报', '系统管理', '审计日志']);
    await userEvent.click(screen.getByTestId('module-admin'));
    await waitFor(() => expect(window.location.hash).toBe('#/admin/audit'));
    expect(selected()).toBe('审计日志');
  });

  it('marks 接待登记 on a person’s page, which the people feature serves under intake’s address', async () => {
    signInAs('front_desk', '李洁');
    window.location.hash = '#/intake/person/7';
    render(<App />);
    expect(await screen.findByTestId('load-error')).toBeInTheDocument(); // people.get is not in this fake
    expect(selected()).toBe('接待登记');
    expect(menu()).not.toContain('系统管理');
  });

  it('says plainly on a module not built yet that it is not', async () => {
    signInAs('admin', '李洁');
    window.location.hash = '#/reports';
    render(<App />);
    expect(await screen.findByText('本模块尚未建成')).toBeInTheDocument();
    expect(selected()).toBe('统计上报');
  });
});

/** A sheet built from the print kit alone, as a later module would build its ledger. */
function LedgerSheet() {
  const { month } = useParams();
  return (
    <PrintFrame docTitle="防暑物资台账" backTo="/ledger">
      <SheetHead title="防暑物资台账" left={`月份：${month}`} />
      <FormTable widths={['20%', '30%', '20%', '30%']}>
        <SectionRow title="入库" />
        <FieldRow fields={[{ label: '品名', value: '藿香正气水' }, { label: '数量', value: '120 盒' }]} />
      </FormTable>
      <ListTable title="出库" heads={['日期', '数量']} widths={['50%', '50%']} rows={[]} empty="无出库" />
      <Signatures labels={['库管员签名：']} />
      <SheetFoot />
    </PrintFrame>
  );
}

const ledger: FeatureEntry = {
  key: 'ledger',
  path: '/ledger',
  routes: lazy(async () => ({ default: () => <p>本月台账</p> })),
  printRoutes: [{ path: 'ledger/:month', element: <LedgerSheet /> }],
  menu: { group: 'module', icon: null, permission: 'stock.read' },
  homeCard: true,
  catalogs: { 'zh-CN': { nav: { ledger: '库存台账' }, modules: { ledger: '每月台账' } }, en: { nav: { ledger: 'Ledger' }, modules: { ledger: 'Monthly ledger' } } },
};

function SignedIn({ children }: { children: ReactNode }) {
  const { gate } = useSession();
  return gate.kind === 'signedIn' ? children : null;
}

function renderShell(features: readonly FeatureEntry[]) {
  installCatalogs([...CATALOG_PARTS, { source: 'ledger', catalogs: ledger.catalogs }]);
  render(
    <SessionProvider>
      <QueryClientProvider client={new QueryClient()}>
        <SignedIn>
          <Shell features={features} />
        </SignedIn>
      </QueryClientProvider>
    </SessionProvider>,
  );
}

describe('a module added by its entry alone', () => {
  it('gets its menu item, its home card and its page, loaded when first opened', async () => {
    signInAs('storekeeper', '孙库管');
    renderShell([FEATURES.find((f) => f.key === 'home')!, ledger]);
    expect(await screen.findByTestId('module-ledger')).toHaveTextContent('每月台账');
    expect(menu()).toEqual(['今日看板', '库存台账']);
    await userEvent.click(screen.getByRole('menuitem', { name: '库存台账' }));
    expect(await screen.findByText('本月台账')).toBeInTheDocument();
    expect(selected()).toBe('库存台账');
  });

  it('gets its A4 view at its print address, alone on the page', async () => {
    signInAs('storekeeper', '孙库管');
    window.location.hash = '#/print/ledger/2026-07';
    renderShell([ledger]);
    expect(await screen.findByRole('heading', { name: '防暑物资台账' })).toBeInTheDocument();
    expect(screen.getByText('东城区救助管理站')).toBeInTheDocument();
    expect(screen.getByText('月份：2026-07')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '藿香正气水' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '无出库' })).toBeInTheDocument();
    expect(screen.getByText('库管员签名：')).toBeInTheDocument();
    expect(screen.getByTestId('print-button')).toBeEnabled();
    // The title is set by the print frame's effect, which may land a tick after the heading is painted.
    await waitFor(() => expect(document.title).toBe('防暑物资台账'));
    expect(screen.queryAllByRole('menuitem')).toEqual([]);
  });

  it('leaves a print address nobody registered to the print kit’s “no such form”', async () => {
    signInAs('storekeeper', '孙库管');
    window.location.hash = '#/print/inventory/3';
    renderShell([ledger]);
    expect(await screen.findByText('没有这种打印表格')).toBeInTheDocument();
    expect(screen.getByTestId('print-button')).toBeDisabled();
  });
});

describe('a frame widget (FeatureEntry.frameWidget)', () => {
  const withWidget: FeatureEntry = { ...ledger, frameWidget: () => <span data-testid="ledger-widget">本月已盘点</span> };

  it('stands above every page for the users who see the feature’s menu item', async () => {
    signInAs('storekeeper', '孙库管');
    renderShell([FEATURES.find((f) => f.key === 'home')!, withWidget]);
    expect(await screen.findByTestId('ledger-widget')).toHaveTextContent('本月已盘点');
    await userEvent.click(screen.getByRole('menuitem', { name: '库存台账' }));
    expect(await screen.findByText('本月台账')).toBeInTheDocument();
    expect(screen.getByTestId('ledger-widget')).toBeInTheDocument();
  });

  it('is left out for a user whose permissions hide the feature', async () => {
    signInAs('inspector', '钱督查'); // no stock.read
    renderShell([FEATURES.find((f) => f.key === 'home')!, withWidget]);
    await screen.findByTestId('current-user');
    expect(screen.queryByTestId('ledger-widget')).toBeNull();
    expect(document.querySelector('.app-frame-widgets')).toBeNull();
  });
});
