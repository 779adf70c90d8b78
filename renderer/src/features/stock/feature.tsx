import { ShopOutlined } from '@ant-design/icons';
import { lazyPages, type FeatureEntry } from '../../app/feature';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';
import { StaySupplies } from './stay/StaySupplies';
import { stockLineDetail } from './handoverText';

// The pages and prints in chunks of their own (app/feature.ts lazyPages); the stay's supplies tab is small and stays.
const ReceiptPrint = lazyPages(() => import('./print/DocumentPrints').then((m) => m.ReceiptPrint));
const IssuePrint = lazyPages(() => import('./print/DocumentPrints').then((m) => m.IssuePrint));
const LedgerPrint = lazyPages(() => import('./print/LedgerPrint').then((m) => m.LedgerPrint));
const StocktakePrint = lazyPages(() => import('./print/StocktakePrint').then((m) => m.StocktakePrint));

/** Cooling supplies (issue 11): balances and alerts, receive, issue, stocktake, ledger, budget; four A4 prints. */
export const stock: FeatureEntry = {
  key: 'stock',
  path: '/stock',
  routes: lazyPages(() => import('./StockRoutes').then((m) => m.StockRoutes)),
  printRoutes: [
    { path: 'stock-receipt/:id', element: <ReceiptPrint /> },
    { path: 'stock-issue/:id', element: <IssuePrint /> },
    { path: 'stock-stocktake/:id', element: <StocktakePrint /> },
    // ?from=…&to=…[&category=…]
    { path: 'stock-ledger', element: <LedgerPrint /> },
  ],
  menu: { group: 'module', icon: <ShopOutlined />, permission: 'stock.read' },
  homeCard: true,
  catalogs: { 'zh-CN': zhCN, en },
  staySections: [{ key: 'supplies', label: 'stock.stay.tab', permission: 'stock.read', component: StaySupplies }],
  // The records of electron/features/stock/alerts.ts: an item (below its minimum, expiring) opens the item list, a
  // fund near or over its budget the budget page.
  entityLinks: { stock_item: () => '/stock/items', stock_fund: () => '/stock/budget' },
  lineDetails: { stock: stockLineDetail },
};
