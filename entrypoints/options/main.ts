import { createBrowserOptionsDeps, startOptions } from '../../src/ui/options';

void startOptions(createBrowserOptionsDeps(document, location.search));
