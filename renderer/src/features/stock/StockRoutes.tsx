import { Menu, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { useSessionInfo } from '../../app/session';
import { BalancesPage } from './pages/BalancesPage';
import { BudgetPage } from './pages/BudgetPage';
import { IssuePage } from './pages/IssuePage';
import { ItemsPage } from './pages/ItemsPage';
import { JournalPage } from './pages/JournalPage';
import { LedgerPage } from './pages/LedgerPage';
import { ReceivePage } from './pages/ReceivePage';
import { StocktakeSheet } from './pages/StocktakeSheet';
import { StocktakesPage } from './pages/StocktakesPage';

/** The module's pages, in the order a storekeeper's day goes; the writing ones only for those who may write. */
const TABS = [
  { key: '', write: false },
  { key: 'receive', write: true },
  { key: 'issue', write: true },
  { key: 'journal', write: false },
  { key: 'stocktake', write: false },
  { key: 'ledger', write: false },
  { key: 'budget', write: false },
  { key: 'items', write: false },
] as const;

/** /stock/…: balances and alerts, receive, issue, movements, stocktake, ledger, budget, the catalogue. */
export function StockRoutes() {
  const { t } = useTranslation();
  const info = useSessionInfo();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const can = (p: string) => (info.permissions as string[]).includes(p);
  const canWrite = can('stock.write');
  const current = pathname.replace(/^\/stock\/?/, '').split('/')[0] ?? '';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Menu
        mode="horizontal"
        selectedKeys={[current]}
        onClick={(e) => navigate(`/stock/${e.key}`)}
        items={TABS.filter((tab) => !tab.write || canWrite).map((tab) => ({ key: tab.key, label: t(`stock.tabs.${tab.key || 'balances'}`), 'data-testid': `stock-tab-${tab.key || 'balances'}` }))}
        style={{ background: 'transparent' }}
      />
      <Routes>
        <Route index element={<BalancesPage />} />
        <Route path="items" element={<ItemsPage canWrite={canWrite} />} />
        <Route path="receive" element={<ReceivePage />} />
        <Route path="issue" element={<IssuePage />} />
        <Route path="journal" element={<JournalPage canWrite={canWrite} />} />
        <Route path="stocktake" element={<StocktakesPage canWrite={canWrite} />} />
        <Route path="stocktake/:id" element={<StocktakeSheet />} />
        <Route path="ledger" element={<LedgerPage />} />
        <Route path="budget" element={<BudgetPage canManage={can('settings.manage')} canCharge={canWrite} />} />
      </Routes>
    </Space>
  );
}
