import { startPopup } from '../../src/ui/popup';
import { createBrowserPopupDeps } from '../../src/ui/popup-deps';

void startPopup(createBrowserPopupDeps(document, location.search));
