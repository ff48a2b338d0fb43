import { css } from 'lit';

/** Round initials avatars in eight hues (`.avatar.hue0` .. `.hue7`), sized by `--_avatar`. */
export const avatarStyles = css`
  .avatar {
    position: relative;
    width: var(--_avatar, 36px);
    height: var(--_avatar, 36px);
    border-radius: 50%;
    display: grid;
    place-items: center;
    font-weight: 700;
    color: #fff;
    background: hsl(var(--_hue) 50% 42%);
  }
  .hue0 { --_hue: 230; }
  .hue1 { --_hue: 280; }
  .hue2 { --_hue: 330; }
  .hue3 { --_hue: 10; }
  .hue4 { --_hue: 30; }
  .hue5 { --_hue: 160; }
  .hue6 { --_hue: 195; }
  .hue7 { --_hue: 260; }
`;
