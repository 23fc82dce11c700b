import { describe, expect, it } from 'vitest';
import { siteLocation } from '../src/site-location.ts';

describe('siteLocation', () => {
  it('serves a project repository at /<repo>/ on <owner>.github.io', () => {
    expect(siteLocation({ GITHUB_REPOSITORY: 'Ada/portfolio' })).toEqual({ site: 'https://ada.github.io', base: '/portfolio/', repository: 'Ada/portfolio' });
  });
  it('serves a <owner>.github.io repository at the root', () => {
    expect(siteLocation({ GITHUB_REPOSITORY: 'ada/Ada.github.io' })).toMatchObject({ site: 'https://ada.github.io', base: '/' });
  });
  it('lets SITE_URL and BASE_PATH override, normalising slashes', () => {
    expect(siteLocation({ GITHUB_REPOSITORY: 'ada/portfolio', SITE_URL: 'https://learn.example/', BASE_PATH: 'notes' }))
      .toEqual({ site: 'https://learn.example', base: '/notes/', repository: 'ada/portfolio' });
    expect(siteLocation({ BASE_PATH: '/' })).toMatchObject({ base: '/' });
  });
  it('defaults to localhost at the root', () => {
    expect(siteLocation({})).toEqual({ site: 'http://localhost:4321', base: '/', repository: null });
  });
});
