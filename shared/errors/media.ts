import type { ErrorTable } from './error-table.ts';

/** Media and playlists: each code's HTTP status (for REST replies; 400 when none) and the sentence a person reads (zh-CN first). */
export const mediaErrors = {
  UNKNOWN_PLAYLIST: {
    status: 404,
    'zh-CN': '找不到这个播放列表。',
    en: 'There is no playlist with this id.',
  },
  MEDIA_TYPE: {
    status: 415,
    'zh-CN': '只能上传 MP4、WebM 视频或 JPG、PNG 图片，这个文件不是其中之一，未保存。',
    en: 'Only MP4 or WebM videos and JPG or PNG pictures can be uploaded; this file is none of them and was not kept.',
  },
  MEDIA_TOO_LARGE: {
    status: 413,
    'zh-CN': '文件太大，未保存。请压缩后再上传。',
    en: 'The file is too large and was not kept; make it smaller and upload again.',
  },
  MEDIA_EMPTY: {
    status: 400,
    'zh-CN': '没有收到文件内容，未保存。',
    en: 'No file content arrived; nothing was kept.',
  },
  MEDIA_DURATION_UNKNOWN: {
    status: 400,
    'zh-CN': '读不出这段视频的时长，未保存。请换一个文件或填写时长。',
    en: 'The video’s length could not be read, so it was not kept; use another file or give its length.',
  },
  UNKNOWN_MEDIA: {
    status: 404,
    'zh-CN': '找不到这个媒体文件。',
    en: 'There is no media file with this id.',
  },
} as const satisfies ErrorTable;
