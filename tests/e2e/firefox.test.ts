import { firefoxDriver } from './support/driver';
import { describeHostilePage } from './support/hostile';
import { describeReading } from './support/reading';
import { describeExtension } from './support/scenarios';
import { describeSiteSwitch } from './support/site-switch';

const FIREFOX = 'Firefox ESR (puppeteer-core over WebDriver BiDi)';

describeExtension(FIREFOX, firefoxDriver);
describeSiteSwitch(FIREFOX, firefoxDriver);
describeReading(FIREFOX, firefoxDriver);
describeHostilePage(FIREFOX, firefoxDriver);
