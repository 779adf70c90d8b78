import { ShopOutlined } from '@ant-design/icons';
import type { FeatureEntry } from '../../app/feature';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';
import { IssuePrint, ReceiptPrint } from './print/DocumentPrints';
import { LedgerPrint } from './print/LedgerPrint';
import { StocktakePrint } from './print/StocktakePrint';
import { StaySupplies } from './stay/StaySupplies';
import { StockRoutes } from './StockRoutes';

/** Cooling supplies (issue 11): balances and alerts, receive, issue, stocktake, ledger, budget; four A4 prints. */
export const stock: FeatureEntry = {
  key: 'stock',
  path: '/stock',
  routes: StockRoutes,
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
};
