import { firefoxDriver } from './support/driver';
import { describeExtension } from './support/scenarios';

describeExtension('Firefox ESR (puppeteer-core over WebDriver BiDi)', firefoxDriver);
import { describeSiteSwitch } from './support/site-switch';

describeSiteSwitch('Firefox ESR (puppeteer-core over WebDriver BiDi)', firefoxDriver);
import { describeReading } from './support/reading';

describeReading('Firefox ESR (puppeteer-core over WebDriver BiDi)', firefoxDriver);
