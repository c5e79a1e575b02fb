//! Strings for keyboard and screen-reader use: section headings, the shortcut
//! list, labels of scrollable or drawn regions.

use super::Entry;

pub(super) static TABLE: &[Entry] = &[
    ("a11y.setup", "Lesson setup", "课程设置"),
    ("a11y.results", "Results", "结果"),
    ("a11y.shortcuts", "Keyboard shortcuts", "键盘快捷键"),
    ("a11y.key.run", "run the lesson", "运行课程"),
    ("a11y.key.stop", "stop the run", "停止运行"),
    ("a11y.key.play", "play or pause the replay", "播放或暂停回放"),
    ("a11y.key.step", "step the replay back / forward", "回放后退 / 前进一步"),
    ("a11y.key.zoom", "zoom the timeline in / out", "放大 / 缩小时间线"),
    ("a11y.key.pan", "pan the timeline left / right", "向左 / 向右平移时间线"),
    ("a11y.key.reset", "show the whole timeline", "显示整条时间线"),
    ("a11y.key.help", "open this list", "打开此列表"),
    ("a11y.key.note", "Shortcuts work when the focus is not in a text field.", "焦点不在输入框中时快捷键才有效。"),
    ("a11y.listing", "Python listing (scrollable)", "Python 代码（可滚动）"),
    ("a11y.timeline", "Timeline: + and − zoom, [ and ] pan, 0 shows all", "时间线：+ 和 − 缩放，[ 和 ] 平移，0 显示全部"),
];
