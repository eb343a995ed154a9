import { chromiumDriver } from './support/driver';
import { describeExtension } from './support/scenarios';

describeExtension('Chromium (playwright-core)', chromiumDriver);
import { describeSiteSwitch } from './support/site-switch';

describeSiteSwitch('Chromium (playwright-core)', chromiumDriver);
import { describeReading } from './support/reading';

describeReading('Chromium (playwright-core)', chromiumDriver);
