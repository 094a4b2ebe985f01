import { createBrowserPopupDeps, startPopup } from '../../src/ui/popup';

void startPopup(createBrowserPopupDeps(document, location.search));
