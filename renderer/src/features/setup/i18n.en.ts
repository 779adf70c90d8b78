/** First-run setup of the station. */
import type zhCN from './i18n.zh-CN';

const en: typeof zhCN = {
  setup: {
    title: 'First run: set up this station',
    intro: 'There is no station data on this PC yet. Name the station and create the first administrator. There is no default password.',
    station: 'Station',
    stationName: 'Station name',
    stationNamePlaceholder: 'e.g. Dongcheng District Relief Station',
    timeZone: 'Time zone',
    admin: 'First administrator',
    username: 'Username',
    displayName: 'Full name',
    password: 'Password',
    passwordConfirm: 'Password again',
    passwordHint: 'At least 8 characters, not digits only',
    submit: 'Set up station',
    done: 'The station is set up. Sign in with the account you just created.',
    or: 'or',
    demo: 'Load a demo station (to try it out)',
    demoHint: 'Creates a demo station with a fortnight of intakes, to get to know StationDesk. All of it is made up; set up your own station for real use.',
    demoDone: 'Demo station loaded: {{persons}} people, {{stays}} arrivals. Every demo account’s password is {{password}}.'
  },
  entities: {
    station: 'Station',
  },
  procedures: {
    setup: { _: 'First run', initialize: 'Set up station', loadDemo: 'Load demo station', status: 'Station status' },
  },
};

export default en;
