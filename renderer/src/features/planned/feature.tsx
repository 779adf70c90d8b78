import { CarOutlined, ExperimentOutlined, FileTextOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { FeatureEntry } from '../../app/feature';
import type { Permission } from '../../../../shared/domain/roles';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';

type Planned = keyof typeof zhCN.nav;

/**
 * A module of the product outline that is not built yet: in the menu and on the home page, saying so plainly
 * (app/NotBuiltPage). Building it means a folder of its own whose entry replaces this one in app/features.ts,
 * taking its two strings below along.
 */
function notBuilt(key: Planned, path: string, permission: Permission, icon: ReactNode): FeatureEntry {
  return {
    key,
    path,
    menu: { group: 'module', icon, permission },
    homeCard: true,
    built: false,
    catalogs: {
      'zh-CN': { nav: { [key]: zhCN.nav[key] }, modules: { [key]: zhCN.modules[key] } },
      en: { nav: { [key]: en.nav[key] }, modules: { [key]: en.modules[key] } },
    },
  };
}

export const foodSamples = notBuilt('foodSamples', '/food-samples', 'food_samples.write', <ExperimentOutlined />);
export const fosterCare = notBuilt('fosterCare', '/foster-care', 'foster_care.inspect', <TeamOutlined />);
export const outreach = notBuilt('outreach', '/outreach', 'outreach.write', <CarOutlined />);
export const reports = notBuilt('reports', '/reports', 'reports.read', <FileTextOutlined />);
