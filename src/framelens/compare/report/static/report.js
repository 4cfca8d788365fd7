/* framelens report: tooltips of highlights (hover or keyboard focus); nested highlights list their outer spans. */
(function(){
  var tip=document.getElementById('tip');
  function tipsFor(el){var parts=[];while(el&&el.getAttribute){if(el.hasAttribute('data-tip')){parts.push(el.getAttribute('data-tip'));}
    if(el.classList&&el.classList.contains('text'))break;el=el.parentNode;}return parts;}
  function show(e){var el=e.target.closest?e.target.closest('[data-tip]'):null;if(!el){tip.style.display='none';return;}
    var parts=tipsFor(el);tip.textContent=parts.join('\n\u2014 within \u2014\n');tip.style.display='block';
    var r=el.getBoundingClientRect();var top=window.scrollY+r.bottom+6;var left=window.scrollX+r.left;
    var w=tip.offsetWidth;if(left+w>window.scrollX+document.documentElement.clientWidth-8){left=window.scrollX+document.documentElement.clientWidth-w-8;}
    tip.style.top=top+'px';tip.style.left=Math.max(4,left)+'px';}
  function hide(){tip.style.display='none';}
  document.addEventListener('mouseover',show);document.addEventListener('focusin',show);
  document.addEventListener('mouseout',function(e){if(!e.relatedTarget||!e.relatedTarget.closest||!e.relatedTarget.closest('[data-tip]'))hide();});
  document.addEventListener('focusout',hide);
  document.addEventListener('keydown',function(e){if(e.key==='Escape')hide();});
})();
