import './app/theme.css';

/**
 * Two entries in one build: the wall display loads the board alone, every other address the
 * workstation (each its own chunks, so the wall never loads Element Plus or the ledgers' screens).
 * The wall shows its dark stage and a loading line at once, while its code and first data arrive.
 */
if (/^#\/wall(?:[/?]|$)/.test(window.location.hash)) {
  const loading = document.createElement('p');
  loading.className = 'wall-loading';
  loading.textContent = '态势大屏载入中……';
  document.getElementById('app')!.replaceChildren(loading);
  void import('./app/wall').then(({ mountWall }) => mountWall('#app'));
} else {
  void import('./app/workstation').then(({ mountWorkstation }) => mountWorkstation('#app'));
}
