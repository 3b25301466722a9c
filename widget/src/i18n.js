// Every UI string of the widget, in the three languages of Parley (zh-Hans, zh-Hant, en).
// What the bot says comes from the server; only the widget's own words live here.

const STRINGS = {
  'zh-Hans': {
    title: '在线客服',
    open: '打开在线客服',
    close: '关闭',
    unread: (n) => `${n} 条未读消息`,
    placeholder: '请输入您的问题…',
    inputLabel: '输入消息',
    send: '发送',
    log: '对话记录',
    quickReplies: '快捷回复',
    you: '您',
    bot: '智能助手',
    agent: '客服',
    system: '系统通知',
    typing: (who) => `${who}正在输入…`,
    connecting: '正在连接…',
    reconnecting: '连接中断，正在重新连接…',
    offline: '网络已断开，消息将在恢复连接后发送',
    sending: '发送中…',
    queued: '待发送',
    failed: '未能发送',
    waiting: (team, pos) => pos ? `正在为您转接${team}，您前面排第 ${pos} 位` : `正在为您转接${team}，请稍候`,
    opensAt: (team, when) => `${team}将于 ${when} 开始服务，您的留言已排队`,
    assigned: (name) => `${name} 正在为您服务`,
    ended: '人工服务已结束，智能助手继续为您服务',
    teams: { trading_desk: '交易部', complaints: '投诉处理组', account_services: '账户服务组', general: '人工客服' },
    newConversation: '已开始新的对话',
  },
  'zh-Hant': {
    title: '線上客服',
    open: '開啟線上客服',
    close: '關閉',
    unread: (n) => `${n} 則未讀訊息`,
    placeholder: '請輸入您的問題…',
    inputLabel: '輸入訊息',
    send: '傳送',
    log: '對話紀錄',
    quickReplies: '快速回覆',
    you: '您',
    bot: '智能助理',
    agent: '客服',
    system: '系統通知',
    typing: (who) => `${who}正在輸入…`,
    connecting: '正在連線…',
    reconnecting: '連線中斷，正在重新連線…',
    offline: '網絡已中斷，訊息將於恢復連線後傳送',
    sending: '傳送中…',
    queued: '待傳送',
    failed: '未能傳送',
    waiting: (team, pos) => pos ? `正在為您轉接${team}，您前面排第 ${pos} 位` : `正在為您轉接${team}，請稍候`,
    opensAt: (team, when) => `${team}將於 ${when} 開始服務，您的留言已排隊`,
    assigned: (name) => `${name} 正在為您服務`,
    ended: '人工服務已結束，智能助理繼續為您服務',
    teams: { trading_desk: '交易部', complaints: '投訴處理組', account_services: '帳戶服務組', general: '真人客服' },
    newConversation: '已開始新的對話',
  },
  en: {
    title: 'Customer service',
    open: 'Open customer service chat',
    close: 'Close',
    unread: (n) => `${n} unread message${n === 1 ? '' : 's'}`,
    placeholder: 'Type your question…',
    inputLabel: 'Message',
    send: 'Send',
    log: 'Conversation',
    quickReplies: 'Quick replies',
    you: 'You',
    bot: 'Assistant',
    agent: 'Agent',
    system: 'Notice',
    typing: (who) => `${who} is typing…`,
    connecting: 'Connecting…',
    reconnecting: 'Connection lost. Reconnecting…',
    offline: 'You are offline. Messages will be sent when you are back.',
    sending: 'Sending…',
    queued: 'Waiting to send',
    failed: 'Not sent',
    waiting: (team, pos) => pos ? `Waiting for ${team} (position ${pos} in the queue)` : `Waiting for ${team}`,
    opensAt: (team, when) => `${team} opens at ${when}. You are in the queue.`,
    assigned: (name) => `You are chatting with ${name}`,
    ended: 'The agent has left. The assistant is back.',
    teams: { trading_desk: 'the trading desk', complaints: 'the complaints team', account_services: 'account services', general: 'an agent' },
    newConversation: 'A new conversation has started',
  },
};

export const LOCALES = Object.keys(STRINGS);

/** The UI locale: the embed's data-locale when it is one of ours, else the browser's languages. */
export function pickLocale(requested, languages) {
  if (requested && STRINGS[requested]) return requested;
  for (const tag of languages || []) {
    const t = String(tag).toLowerCase();
    if (t.startsWith('zh')) {
      return /hant|-tw|-hk|-mo/.test(t) ? 'zh-Hant' : 'zh-Hans';
    }
    if (t.startsWith('en')) return 'en';
  }
  return 'en';
}

export function strings(locale) {
  return STRINGS[locale] || STRINGS.en;
}
