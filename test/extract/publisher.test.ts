// Copyright notices as the publisher's last fallback in a text dump: the holder a notice names, and footer links that name none.
import { describe, expect, it } from 'vitest';
import { copyrightHolder, copyrightPublisher } from '../../src/extract/publisher.js';

describe('copyrightHolder', () => {
  it('reads the holder of a notice with its mark or a year, wherever the year stands', () => {
    expect(copyrightHolder('© 2023 The Example Times. All rights reserved.')).toBe('The Example Times');
    expect(copyrightHolder('Copyright Example Einblick 2019')).toBe('Example Einblick');
    expect(copyrightHolder('Copyright ⓒ Example.co.kr. All rights reserved')).toBe('Example.co.kr');
    expect(copyrightHolder('Copyright (C) Example.co.kr. All right reserved.')).toBe('Example.co.kr');
  });

  it('takes no name from the word in a footer link: a law or a page is no holder', () => {
    expect(copyrightHolder('About This Publication - Digital Millennium Copyright Act - Editorial Policies -')).toBeNull();
    expect(copyrightHolder('Image Usage and Copyright')).toBeNull();
    expect(copyrightHolder('Copyright Policy')).toBeNull();
  });

  it('reads the last notice of the page, skipping footer links below it', () => {
    expect(copyrightPublisher(['Some article text.', '© 2023 The Example Herald', 'Digital Millennium Copyright Act - Editorial Policies'])).toBe('The Example Herald');
  });
});
