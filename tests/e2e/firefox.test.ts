import { firefoxDriver } from './support/driver';
import { describeCards } from './support/cards';
import { describeExtensionPages } from './support/extension-pages';
import { describeHostilePage } from './support/hostile';
import { describeLinkContrast } from './support/link-contrast';
import { describeReading } from './support/reading';
import { describeRealPages } from './support/real-pages';
import { describeReport } from './support/report';
import { describeCorpusReport } from './support/corpus-report';
import { describeExtension } from './support/scenarios';
import { describeSettingsPage } from './support/settings-page';
import { describeSiteSwitch } from './support/site-switch';
import { describeUnusualPages } from './support/unusual-pages';

const FIREFOX = 'Firefox ESR (puppeteer-core over WebDriver BiDi)';

describeExtension(FIREFOX, firefoxDriver);
describeExtensionPages(FIREFOX, firefoxDriver);
describeSettingsPage(FIREFOX, firefoxDriver);
describeSiteSwitch(FIREFOX, firefoxDriver);
describeReading(FIREFOX, firefoxDriver);
describeLinkContrast(FIREFOX, firefoxDriver);
describeCards(FIREFOX, firefoxDriver);
describeReport(FIREFOX, firefoxDriver);
describeCorpusReport(FIREFOX, firefoxDriver);
describeHostilePage(FIREFOX, firefoxDriver);
describeUnusualPages(FIREFOX, firefoxDriver);
describeRealPages(FIREFOX, firefoxDriver);
