import { startPopup } from '../../src/ui/popup';

startPopup(document);
