import { startBackground } from '../src/extension/background-main';

export default defineBackground({
  type: 'module',
  main() {
    startBackground();
  },
});
